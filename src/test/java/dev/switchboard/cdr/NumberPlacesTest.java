package dev.switchboard.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cdr.NumberPlaces.Place;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class NumberPlacesTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final NumberPlaces places = new NumberPlaces(NEW_YORK);

    @Test
    void aNumberWithOneZoneHasThatZone() {
        assertThat(places.of("+14155550123")).isEqualTo(new Place(1, "US", ZoneId.of("America/Los_Angeles"), false));
        assertThat(places.of("+33612345678")).isEqualTo(new Place(33, "FR", ZoneId.of("Europe/Paris"), false));
        assertThat(places.of("+5511987654321")).isEqualTo(new Place(55, "BR", ZoneId.of("America/Sao_Paulo"), false));
    }

    @Test
    void severalZonesGiveTheConfiguredOneGuessed() {
        // US toll-free: every North American zone
        assertThat(places.of("+18005550199")).isEqualTo(new Place(1, "US", NEW_YORK, true));
        // an Australian mobile: seven zones
        assertThat(places.of("+61412345678")).isEqualTo(new Place(61, "AU", NEW_YORK, true));
        assertThat(places.of("+61412345678").knownZone()).isNull();
        assertThat(places.of("+14155550123").knownZone()).isEqualTo("America/Los_Angeles");
    }

    @Test
    void extensionsAndUnparseableNumbersHaveNoRegionAndTheConfiguredZone() {
        assertThat(places.of("2001")).isEqualTo(new Place(0, "ZZ", NEW_YORK, true));
        assertThat(places.of(null)).isEqualTo(new Place(0, "ZZ", NEW_YORK, true));
        assertThat(places.of("+")).isEqualTo(new Place(0, "ZZ", NEW_YORK, true));
    }

    @Test
    void aCountryCodeSharedByRegionsIsToldApartByRegion() {
        assertThat(places.of("+14165550123").region()).isEqualTo("CA");
        assertThat(places.of("+14165550123").countryCode()).isEqualTo(1);
        assertThat(places.of("+77012345678").region()).isEqualTo("KZ");
        assertThat(places.of("+79161234567").region()).isEqualTo("RU");
    }
}
