package dk.ligevaerd.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.ligevaerd.shared.DomainException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailBodyTest {

    @Test
    void user_text_is_escaped_in_html_and_kept_as_is_in_plain_text() {
        MailBody body = new MailBody().paragraph("Hi <Ann> & \"Bo\"")
                .quote("Ann's note:", "<img src=x onerror=alert(1)>\nline two")
                .link("Open", "https://example.org/invite/a?b=1&c=2");

        assertThat(body.text()).isEqualTo("Hi <Ann> & \"Bo\"\n\nAnn's note:\n> <img src=x onerror=alert(1)>\n"
                + "> line two\n\nOpen:\nhttps://example.org/invite/a?b=1&c=2\n");
        assertThat(body.html()).contains("<p>Hi &lt;Ann&gt; &amp; &quot;Bo&quot;</p>")
                .contains("<p>Ann&#39;s note:</p>")
                .contains("&lt;img src=x onerror=alert(1)&gt;<br>\nline two</blockquote>")
                .contains("<a href=\"https://example.org/invite/a?b=1&amp;c=2\">Open</a>")
                .doesNotContain("<img").doesNotContain("<Ann>");
    }

    @Test
    void only_web_addresses_become_links() {
        assertThatThrownBy(() -> new MailBody().link("x", "javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addresses_are_checked_and_header_injection_is_refused() {
        assertThat(new OutgoingMail(" a.b@example.org ", "Hi", new MailBody()).to()).isEqualTo("a.b@example.org");
        assertThatThrownBy(() -> OutgoingMail.address("a@example.org\nBcc: b@example.org"))
                .isInstanceOf(DomainException.class);
        assertThat(new OutgoingMail("a@example.org", "Line\r\nBcc: x", new MailBody()).subject())
                .isEqualTo("Line  Bcc: x");
    }

    @Test
    void the_wait_between_attempts_doubles_up_to_the_maximum() {
        MailSettings settings = new MailSettings(null, "https://x.example/", null, null, Duration.ofSeconds(30),
                Duration.ofMinutes(5), 0, 0);
        assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.backoff(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(settings.backoff(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.backoff(60)).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.link("/invite/t")).isEqualTo("https://x.example/invite/t");
    }
}
