package io.contextualtargeting.formats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTest {
    @Test
    void emailAddressesAndPhoneNumbersAreMasked() {
        assertThat(PersonalData.mask("'nora.smith.1@example.com' is not a channel type"))
                .isEqualTo("'<e-mail address>' is not a channel type");
        assertThat(PersonalData.mask("'+14795550164' is not ALL or NONE")).isEqualTo("'<phone number>' is not ALL or NONE");
        assertThat(PersonalData.mask("call +44 20 7946 0958, (555) 123-4567 or 555.123.4567"))
                .isEqualTo("call <phone number>, <phone number> or <phone number>");
    }

    @Test
    void idsCountsDatesAndTimestampsAreLeftAlone() {
        String text = "interactions.csv, line 1640113830, field TIMESTAMP: '2026-11-28' after 1234567890 users, item 105-7";

        assertThat(PersonalData.mask(text)).isEqualTo(text);
    }

    @Test
    void anInputErrorQuotingAnAddressMasksIt() {
        InputException e = new InputException("endpoints.csv", 3, "ChannelType", "'a@b.io' is not a channel type");

        assertThat(e.getMessage()).isEqualTo("endpoints.csv, line 3, field ChannelType: '<e-mail address>' is not a channel type");
    }
}
