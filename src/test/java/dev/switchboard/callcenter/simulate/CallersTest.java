package dev.switchboard.callcenter.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.switchboard.callcenter.Caller;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CallersTest {
    @Test
    void syntheticCallersArePlausibleAndTheSameForTheSameSeed() throws NumberParseException {
        List<Caller> callers = Callers.synthetic(500, 3, "FR");
        assertThat(callers).hasSize(500).isEqualTo(Callers.synthetic(500, 3, "FR"));
        assertThat(callers.stream().map(Caller::number).distinct().count()).isEqualTo(500);
        PhoneNumberUtil phone = PhoneNumberUtil.getInstance();
        for (Caller c : callers) {
            assertThat(phone.isValidNumberForRegion(phone.parse(c.number(), null), "FR")).as(c.number()).isTrue();
            assertThat(c.age()).isBetween(18, 90);
            assertThat(c.city()).isIn(Callers.CITIES);
            assertThat(c.products()).isSubsetOf(Products.ALL);
            assertThat(c.products().stream().map(Products::family).distinct().count()).isEqualTo(c.products().size());
        }
        assertThat(callers.stream().map(Caller::city).collect(Collectors.toSet())).hasSize(Callers.CITIES.size());
        long none = callers.stream().filter(c -> c.products().isEmpty()).count();
        assertThat(none).isBetween(20L, 100L);
        assertThat(callers).anySatisfy(c -> assertThat(c.age()).isLessThan(30)).anySatisfy(c -> assertThat(c.age()).isGreaterThan(65));
    }
}
