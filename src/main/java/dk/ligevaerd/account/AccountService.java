package dk.ligevaerd.account;

import dk.ligevaerd.account.domain.UserAccount;
import dk.ligevaerd.account.domain.UserAccountRepository;
import dk.ligevaerd.shared.DomainException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AccountService implements UserDetailsService {

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    AccountService(UserAccountRepository users, PasswordEncoder passwordEncoder, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** Creates an account; anyone may do this, joining a workspace still takes an invitation. */
    @Transactional
    public UserSummary register(String username, String displayName, String password) {
        UserAccount.checkPassword(password);
        return create(username, displayName, password);
    }

    /** Creates an account without the password rules: only for the demo workspace. */
    @Transactional
    public UserSummary registerDemoAccount(String username, String displayName, String password) {
        return create(username, displayName, password);
    }

    private UserSummary create(String username, String displayName, String password) {
        String normalized = UserAccount.normalizeUsername(username);
        if (users.existsByUsername(normalized)) {
            throw new DomainException("error.username.taken", normalized);
        }
        UserAccount account = new UserAccount(normalized, displayName, passwordEncoder.encode(password), clock.instant());
        try {
            return summary(users.saveAndFlush(account));
        } catch (DataIntegrityViolationException raceWithSameName) {
            throw new DomainException("error.username.taken", normalized);
        }
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> findByUsername(String username) {
        return users.findByUsername(username.strip().toLowerCase(java.util.Locale.ROOT)).map(AccountService::summary);
    }

    /** Display data for the given users, for other features' views. */
    @Transactional(readOnly = true)
    public Map<Long, UserSummary> summaries(Collection<Long> ids) {
        return users.findAllById(ids).stream().map(AccountService::summary)
                .collect(Collectors.toMap(UserSummary::id, Function.identity()));
    }

    @Transactional(readOnly = true)
    public boolean hasAnyAccount() {
        return users.count() > 0;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) throws UsernameNotFoundException {
        return users.findByUsername(username.strip().toLowerCase(java.util.Locale.ROOT))
                .map(u -> new LigevaerdUser(u.id(), u.username(), u.displayName(), u.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    private static UserSummary summary(UserAccount account) {
        return new UserSummary(account.id(), account.username(), account.displayName());
    }

    List<UserSummary> all() {
        return users.findAll().stream().map(AccountService::summary).toList();
    }
}
