package dev.switchboard.rating;

import dev.switchboard.cdr.CdrType;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One price line of a plan version. It matches a CDR by type, by the longest prefix of the called
 * E.164 number (digits after '+'; the empty prefix matches everything) and, when {@code band} is set,
 * by time band.
 *
 * <p>Voice: {@code firstIncrementSec} is the interval start (the first block, charged whole), then
 * {@code incrementSec} steps; the price is {@code pricePerUnit} per {@code unitSec} seconds. "First 60 s
 * as one block, then per second" is {@code firstIncrementSec=60, incrementSec=1}. SMS: the price is
 * {@code pricePerUnit} per message (unit and increments are ignored). Then the connection fee is added,
 * the cost is held between {@code minCost} and {@code maxCost} (either may be null), and rounded.
 */
public record Rate(
        String id,
        CdrType type,
        String prefix,
        String band,
        BigDecimal connectionFee,
        BigDecimal pricePerUnit,
        int unitSec,
        int firstIncrementSec,
        int incrementSec,
        BigDecimal minCost,
        BigDecimal maxCost,
        Rounding rounding,
        int decimals,
        String currency) {
    public Rate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(connectionFee, "connection_fee");
        Objects.requireNonNull(pricePerUnit, "price_per_unit");
        Objects.requireNonNull(rounding, "rounding");
        Objects.requireNonNull(currency, "currency");
        if (!prefix.chars().allMatch(Character::isDigit)) throw new IllegalArgumentException("rate " + id + ": prefix must be digits");
        if (connectionFee.signum() < 0 || pricePerUnit.signum() < 0) throw new IllegalArgumentException("rate " + id + ": negative price");
        if (type == CdrType.VOICE && (unitSec <= 0 || firstIncrementSec < 0 || incrementSec <= 0))
            throw new IllegalArgumentException("rate " + id + ": unit and increment must be positive");
        if (minCost != null && maxCost != null && minCost.compareTo(maxCost) > 0)
            throw new IllegalArgumentException("rate " + id + ": minimum cost above maximum");
        if (decimals < 0 || decimals > 9) throw new IllegalArgumentException("rate " + id + ": decimals must be 0..9");
    }
}
