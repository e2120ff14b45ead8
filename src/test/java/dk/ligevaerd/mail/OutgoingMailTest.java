package dk.ligevaerd.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OutgoingMailTest {

    private static final MailBody BODY = new MailBody().paragraph("Hej");

    @Test
    void extra_headers_are_kept_in_their_order() {
        OutgoingMail mail = new OutgoingMail("a@example.org", "S", BODY, Map.of("List-Unsubscribe",
                "<https://x.example.org/unsubscribe/t>"));
        assertThat(mail.headers()).containsExactly(Map.entry("List-Unsubscribe", "<https://x.example.org/unsubscribe/t>"));
        assertThat(new OutgoingMail("a@example.org", "S", BODY).headers()).isEmpty();
    }

    @Test
    void a_header_value_with_a_line_break_or_a_name_that_is_not_a_token_is_refused() {
        assertThatThrownBy(() -> new OutgoingMail("a@example.org", "S", BODY,
                Map.of("List-Unsubscribe", "<https://x>\r\nBcc: all@example.org")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail("a@example.org", "S", BODY, Map.of("Bcc: x\r\nX", "y")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
