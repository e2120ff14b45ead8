package dk.ligevaerd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the feature packages honest: no cycles, no reaching into another feature's internals, and
 * no dependency that its {@code package-info.java} does not allow (docs/architecture.md lists them).
 */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(Application.class);

    @Test
    void feature_modules_respect_their_declared_boundaries() {
        modules.verify();

        for (ApplicationModule module : modules) {
            if (module.getIdentifier().toString().equals("shared")) {
                assertThat(module.getDirectDependencies(modules).uniqueModules())
                        .as("shared depends on no feature").isEmpty();
            } else {
                assertThat(module.getAllowedDependencies(modules).isEmpty())
                        .as("%s declares its allowed dependencies in package-info.java", module.getIdentifier())
                        .isFalse();
            }
        }
    }

    @Test
    void module_diagrams_show_every_module() throws IOException {
        Path folder = Path.of("target", "module-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();

        String overview = Files.readString(folder.resolve("components.puml"));
        for (ApplicationModule module : modules) {
            assertThat(overview).as("overview diagram").contains(module.getDisplayName());
            assertThat(folder.resolve("module-" + module.getIdentifier() + ".puml")).exists();
        }
    }
}
