package dev.switchboard.rating;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrResult;
import dev.switchboard.cdr.CdrType;
import dev.switchboard.rating.CostProof.FreeUse;
import dev.switchboard.rating.CostProof.Increment;
import dev.switchboard.rating.RatingResult.NoRate;
import dev.switchboard.rating.RatingResult.Rated;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Prices one CDR at a time; pure and thread-safe (it only reads its {@link RatingBook}). The rules are
 * in docs/RATING.md; in short: subscriber = calling number, its plan's version in force at the start
 * time, the band at the start time (see {@link Bands}), the longest matching prefix, free units first,
 * then increments, connection fee, clamp to [min, max], rounding.
 */
public final class Rater {
    private final RatingBook book;

    public Rater(RatingBook book) {
        this.book = Objects.requireNonNull(book, "book");
    }

    public Rater(Tariffs tariffs) {
        this(new RatingBook(tariffs));
    }

    public RatingBook book() {
        return book;
    }

    /** Rates {@code cdr} against the subscriber's free-unit balance for the CDR's billing period. */
    public RatingResult rate(Cdr cdr, FreeUnits freeUnitsLeft) {
        Objects.requireNonNull(freeUnitsLeft, "free_units_left");
        Tariffs tariffs = book.tariffs();
        String planId = tariffs.planOf(cdr.callingNumber());
        Optional<PlanVersion> found = tariffs.versionAt(planId, cdr.startTime());
        if (found.isEmpty()) return new NoRate("plan " + planId + " has no version in force at " + cdr.startTime());
        PlanVersion plan = found.get();
        String digits = digitsOf(cdr.calledNumber());
        Bands.At at = Bands.at(cdr.startTime(), tariffs.zone(), plan);
        Optional<PrefixIndex.Match> match = digits == null ? Optional.empty() : book.index(plan).find(cdr.type(), at.bandName(), digits);
        if (!chargeable(cdr)) return free(cdr, plan, at, match.map(PrefixIndex.Match::rate).orElse(null), 0, List.of());
        if (match.isEmpty())
            return new NoRate("no " + cdr.type() + " rate in plan " + planId + " v" + plan.version() + " for called number "
                    + cdr.calledNumber() + " in band " + at.bandName() + " (" + at.dayKind() + ")");
        Rate rate = match.get().rate();
        long billed = billedUnits(cdr, rate);
        List<FreeUse> freeUsed = useFree(plan, cdr.type(), digits, billed, freeUnitsLeft);
        long free = freeUsed.stream().mapToLong(FreeUse::units).sum();
        if (free == billed) return free(cdr, plan, at, rate, billed, freeUsed);
        return paid(cdr, plan, at, rate, billed, freeUsed, free);
    }

    /** The balance after a rated CDR: {@code left} less what it used. */
    public FreeUnits balanceAfter(FreeUnits left, Rated rated) {
        if (rated.used().isEmpty()) return left;
        PlanVersion plan = book.version(rated.proof().planId(), rated.planVersion()).orElseThrow();
        return left.minus(rated.used(), plan.allowances());
    }

    /** Billed seconds of an answered voice call (1 for an SMS): the first block whole, then whole increments. */
    public static long billedUnits(Cdr cdr, Rate rate) {
        if (cdr.type() == CdrType.SMS) return 1;
        long d = cdr.durationSec();
        long first = rate.firstIncrementSec();
        if (first > 0 && d <= first) return first;
        long inc = rate.incrementSec();
        return first + (d - first + inc - 1) / inc * inc;
    }

    /** Unanswered calls, zero-second calls and undelivered SMS cost nothing, with no connection fee. */
    static boolean chargeable(Cdr cdr) {
        return cdr.result() == CdrResult.ANSWERED && (cdr.type() == CdrType.SMS || cdr.durationSec() > 0);
    }

    /** The digits of an E.164 number after '+', or of a short extension; null if anything else is in it. */
    static String digitsOf(String number) {
        String d = number.startsWith("+") ? number.substring(1) : number;
        if (d.isEmpty()) return null;
        for (int i = 0; i < d.length(); i++) if (d.charAt(i) < '0' || d.charAt(i) > '9') return null;
        return d;
    }

    /** Free units in plan order from every allowance of the CDR's type whose prefixes match, until billed is covered. */
    private static List<FreeUse> useFree(PlanVersion plan, CdrType type, String digits, long billed, FreeUnits left) {
        List<FreeUse> used = new ArrayList<>();
        long need = billed;
        for (FreeAllowance a : plan.allowances()) {
            if (need == 0) break;
            if (a.type() != type || !covers(a, digits)) continue;
            long take = Math.min(need, left.leftOf(a));
            if (take > 0) {
                used.add(new FreeUse(a.id(), take));
                need -= take;
            }
        }
        return used;
    }

    private static boolean covers(FreeAllowance a, String digits) {
        if (a.prefixes().isEmpty()) return true;
        for (String p : a.prefixes()) if (digits.startsWith(p.startsWith("+") ? p.substring(1) : p)) return true;
        return false;
    }

    private static Rated free(Cdr cdr, PlanVersion plan, Bands.At at, Rate rate, long billed, List<FreeUse> freeUsed) {
        CostProof proof = new CostProof(plan.planId(), plan.version(), cdr.type(), rate == null ? null : rate.id(),
                rate == null ? null : rate.prefix(), at.bandName(), at.dayKind(), at.local(), billed, freeUsed,
                rate == null ? null : rate.pricePerUnit(), rate == null ? 0 : rate.unitSec(), List.of(), false,
                BigDecimal.ZERO, BigDecimal.ZERO, rate == null ? null : rate.minCost(), rate == null ? null : rate.maxCost(),
                CostProof.Clamp.NONE, BigDecimal.ZERO, rate == null ? Rounding.NONE : rate.rounding(),
                rate == null ? 0 : rate.decimals(), BigDecimal.ZERO, plan.currency());
        return new Rated(BigDecimal.ZERO, plan.currency(), proof.rateId(), plan.version(), proof, usedOf(freeUsed));
    }

    private static Rated paid(Cdr cdr, PlanVersion plan, Bands.At at, Rate rate, long billed, List<FreeUse> freeUsed, long free) {
        List<Increment> increments = new ArrayList<>();
        Map<Long, RateMath.Part> parts = new HashMap<>();
        boolean inexact = false;
        BigDecimal sum = rate.connectionFee();
        if (cdr.type() == CdrType.SMS) {
            RateMath.Part p = RateMath.amount(CdrType.SMS, rate.pricePerUnit(), 1, rate.unitSec());
            increments.add(new Increment(0, 1, 1, p.amount()));
            sum = sum.add(p.amount());
        } else {
            long start = 0;
            long end = rate.firstIncrementSec() > 0 ? rate.firstIncrementSec() : rate.incrementSec();
            while (start < billed) {
                if (end > free) {
                    long from = Math.max(start, free);
                    long inc = rate.incrementSec();
                    if (from == start && end - start == inc && (billed - start) % inc == 0) {
                        // from here to the end, whole increments of equal price: one run of k, as k single steps would give
                        long k = (billed - start) / inc;
                        RateMath.Part p = parts.computeIfAbsent(inc, s -> RateMath.amount(CdrType.VOICE, rate.pricePerUnit(), s, rate.unitSec()));
                        inexact |= !p.exact();
                        addToRuns(increments, from, inc, p.amount(), k);
                        sum = sum.add(p.amount().multiply(BigDecimal.valueOf(k)));
                        break;
                    }
                    RateMath.Part p = parts.computeIfAbsent(end - from,
                            s -> RateMath.amount(CdrType.VOICE, rate.pricePerUnit(), s, rate.unitSec()));
                    inexact |= !p.exact();
                    addToRuns(increments, from, end - from, p.amount(), 1);
                    sum = sum.add(p.amount());
                }
                start = end;
                end = start + rate.incrementSec();
            }
        }
        CostProof.Clamp clamp = RateMath.clampOf(sum, rate.minCost(), rate.maxCost());
        BigDecimal clamped = RateMath.clamped(sum, clamp, rate.minCost(), rate.maxCost());
        BigDecimal total = RateMath.round(clamped, rate.rounding(), rate.decimals());
        CostProof proof = new CostProof(plan.planId(), plan.version(), cdr.type(), rate.id(), rate.prefix(), at.bandName(),
                at.dayKind(), at.local(), billed, freeUsed, rate.pricePerUnit(), rate.unitSec(), increments, inexact,
                rate.connectionFee(), sum, rate.minCost(), rate.maxCost(), clamp, clamped, rate.rounding(), rate.decimals(),
                total, plan.currency());
        return new Rated(total, plan.currency(), rate.id(), plan.version(), proof, usedOf(freeUsed));
    }

    /** Appends {@code count} increments, extending the last run when they are more of the same length. */
    private static void addToRuns(List<Increment> runs, long from, long seconds, BigDecimal amount, long count) {
        if (!runs.isEmpty()) {
            Increment last = runs.get(runs.size() - 1);
            if (last.seconds() == seconds && last.fromSec() + last.seconds() * last.count() == from) {
                runs.set(runs.size() - 1, last.plus(count));
                return;
            }
        }
        runs.add(new Increment(from, seconds, count, amount));
    }

    private static FreeUnits usedOf(List<FreeUse> freeUsed) {
        Map<String, Long> m = new HashMap<>();
        for (FreeUse u : freeUsed) m.merge(u.allowanceId(), u.units(), Long::sum);
        return new FreeUnits(m);
    }

    /** Tax is charged per plan at billing, not per call: the exact tax on a net amount. */
    public static BigDecimal taxOn(BigDecimal net, PlanVersion plan) {
        return net.multiply(plan.taxRate());
    }
}
