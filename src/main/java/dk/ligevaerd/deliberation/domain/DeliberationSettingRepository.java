package dk.ligevaerd.deliberation.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DeliberationSettingRepository extends JpaRepository<DeliberationSetting, Long> {
}
