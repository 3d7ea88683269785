package dev.switchboard.customer;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** A product of the catalogue; the fee is exact money. */
public record Product(String code, String name, String category, @JsonProperty("monthly_fee") BigDecimal monthlyFee) {}
