package dk.ligevaerd.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TranslationsTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        return p;
    }

    private static Set<String> keys(String suffix) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String bundle : Messages.BUNDLES) {
            Set<String> here = load(bundle + suffix + ".properties").stringPropertyNames();
            Set<String> duplicated = new TreeSet<>(here);
            duplicated.retainAll(keys);
            assertThat(duplicated).as("keys of " + bundle + " also defined in another bundle").isEmpty();
            keys.addAll(here);
        }
        return keys;
    }

    @Test
    void danish_and_english_have_the_same_keys() throws IOException {
        for (String bundle : Messages.BUNDLES) {
            assertThat(load(bundle + "_da.properties").stringPropertyNames()).as(bundle)
                    .containsExactlyInAnyOrderElementsOf(load(bundle + ".properties").stringPropertyNames());
        }
    }

    @Test
    void every_key_used_in_the_code_exists() throws IOException {
        Set<String> known = keys("");
        Pattern used = Pattern.compile("(?:getTranslation|Exception|Notices\\.success\\(this,|Messages\\.key)\\(\\s*\"([a-zA-Z]+(?:\\.[a-zA-Z]+)+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = used.matcher(Files.readString(file));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void every_required_field_says_in_both_languages_what_is_missing() throws IOException {
        Set<String> english = keys("");
        Set<String> danish = keys("_da");
        Pattern required = Pattern.compile("Text\\.required\\([^;]*?\"(field\\.[a-zA-Z]+)\"");
        Set<String> fields = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = required.matcher(Files.readString(file));
                while (m.find()) {
                    fields.add(m.group(1));
                }
            }
        }
        assertThat(fields).contains("field.versionName", "field.priorityTitle", "field.roundTitle");
        for (String field : fields) {
            assertThat(english).as(field).contains(Text.missingKey(field));
            assertThat(danish).as(field).contains(Text.missingKey(field));
        }
        assertThat(Messages.get(Messages.ENGLISH, Text.missingKey("field.versionName")))
                .isEqualTo("Give the version a name.");
    }

    @Test
    void messages_fill_in_translated_field_names() {
        assertThat(Messages.get(Messages.ENGLISH, "error.length", Messages.key("field.sideName"), 1, 40))
                .isEqualTo("Side name can be at most 40 characters long.");
        assertThat(Messages.get(Messages.DANISH, "error.length", Messages.key("field.sideName"), 1, 40))
                .isEqualTo("Sidens navn må højst være på 40 tegn.");
    }

    @Test
    void an_unsupported_browser_language_falls_back_to_danish() {
        assertThat(Messages.supported(java.util.Locale.GERMAN)).isEqualTo(Messages.DANISH);
        assertThat(Messages.supported(java.util.Locale.UK)).isEqualTo(Messages.ENGLISH);
    }
}
