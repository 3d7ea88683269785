package dev.switchboard.customer;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.callcenter.Sex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A customer as given to create, replace or import: everything but the id and the timestamps, personal
 * data in clear. Every problem is reported at once, as the details of one {@link CustomerException}.
 * {@link #toString()} leaves the personal data out.
 */
public record CustomerDraft(
        String name,
        @JsonProperty("national_id") String nationalId,
        @JsonProperty("birth_date") LocalDate birthDate,
        Sex sex,
        String address,
        String city,
        String operator,
        List<String> phones,
        List<Subscription> subscriptions) {
    static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    static final LocalDate OLDEST = LocalDate.of(1890, 1, 1);
    private static final int MAX_TEXT = 200;
    private static final Comparator<Subscription> BY_START = Comparator.comparing(Subscription::since).thenComparing(Subscription::productCode)
            .thenComparing(x -> x.until() == null ? LocalDate.MAX : x.until());

    public CustomerDraft {
        name = trim(name);
        nationalId = trim(nationalId);
        address = trim(address);
        city = trim(city);
        operator = trim(operator);
        List<String> problems = new ArrayList<>();
        if (phones != null && phones.stream().anyMatch(x -> x == null)) problems.add("phones: null entry");
        if (subscriptions != null && subscriptions.stream().anyMatch(x -> x == null)) problems.add("subscriptions: null entry");
        // Kept in one order, so a customer read back equals the one written whatever order it was given in.
        phones = phones == null ? List.of()
                : phones.stream().filter(p -> p != null).map(CustomerDraft::trim).filter(p -> p != null).distinct().sorted().toList();
        subscriptions = subscriptions == null ? List.of()
                : subscriptions.stream().filter(x -> x != null).distinct().sorted(BY_START).toList();
        text(problems, "name", name);
        text(problems, "national_id", nationalId);
        text(problems, "address", address);
        text(problems, "city", city);
        if (operator != null && operator.length() > MAX_TEXT) problems.add("operator: longer than " + MAX_TEXT + " characters");
        if (nationalId != null && Masking.normaliseNationalId(nationalId).length() < 4)
            problems.add("national_id: needs at least 4 letters or digits");
        if (birthDate == null) problems.add("birth_date: required (YYYY-MM-DD)");
        else if (birthDate.isBefore(OLDEST)) problems.add("birth_date: before " + OLDEST);
        if (sex == null) problems.add("sex: required (F or M)");
        for (String p : phones)
            if (!E164.matcher(p).matches()) problems.add("phones: '" + p + "' is not an E.164 number (+ and 7 to 15 digits)");
        if (!problems.isEmpty()) throw new CustomerException(CustomerException.Code.INVALID, "invalid customer", problems);
    }

    private static void text(List<String> problems, String field, String value) {
        if (value == null || value.isEmpty()) problems.add(field + ": required");
        else if (value.length() > MAX_TEXT) problems.add(field + ": longer than " + MAX_TEXT + " characters");
    }

    private static String trim(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    @Override
    public String toString() {
        return "CustomerDraft[name=" + name + ", national_id=" + Masking.nationalId(nationalId) + ", birth_date=" + Masking.birthDate(birthDate)
                + ", sex=" + sex + ", address=" + Masking.address(address) + ", city=" + city + ", operator=" + operator + ", phones=" + phones
                + ", subscriptions=" + subscriptions + "]";
    }
}
