package dev.switchboard.customer;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** A product of the catalogue. The fee is exact money in cents, written in JSON as text ("55.00") so no client reads it as a float. */
public record Product(String code, String name, String category,
        @JsonProperty("monthly_fee") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal monthlyFee) {
    public Product {
        monthlyFee = monthlyFee.setScale(2, RoundingMode.UNNECESSARY);
    }
}
