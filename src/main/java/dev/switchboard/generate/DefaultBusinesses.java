package dev.switchboard.generate;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import dev.switchboard.marketing.BusinessType;
import dev.switchboard.marketing.DirectoryEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The default business directory of a region: about 200 businesses of every type with valid numbers
 * of that region and made-up names, the same for the same region and seed. The mix is a town's: many
 * restaurants and shops, a few hospitals; banks have toll-free numbers (the two biggest a block of
 * 100 toll-free numbers each, as a prefix entry); small trades (cleaners, tutors) use mobiles;
 * emergency services are full numbers (dispatch and non-emergency lines: short codes such as 911
 * never reach the directory, see docs/MARKETING.md).
 */
final class DefaultBusinesses {
    /** How many of each type, and on which kind of line. Order matters: it fixes the random draws. */
    private record Kind(BusinessType type, int count, PhoneNumberType line, List<String> names) {}

    private static final List<String> PLACES = List.of("Maple", "Riverside", "Golden", "Harbor", "Summit", "Oakwood", "Liberty", "Pioneer",
            "Union", "Lakeside", "Elm Street", "Crescent", "Northgate", "Sunrise", "Bayview", "Cedar", "Westfield", "Greenway", "Parkside",
            "Hillcrest", "Main Street", "Silver", "Bridgeport", "Meadow");
    private static final List<Kind> KINDS = List.of(
            new Kind(BusinessType.BANKING, 10, PhoneNumberType.TOLL_FREE, List.of("Bank", "Savings Bank", "Credit Union", "Trust")),
            new Kind(BusinessType.BANKING, 6, PhoneNumberType.FIXED_LINE, List.of("Bank branch", "Credit Union branch")),
            new Kind(BusinessType.BUSINESS, 4, PhoneNumberType.TOLL_FREE, List.of("Telecom customer service", "Insurance hotline", "Utilities service")),
            new Kind(BusinessType.BUSINESS, 20, PhoneNumberType.FIXED_LINE, List.of("Hardware", "Logistics", "Printing", "Auto Repair", "Consulting",
                    "Electronics")),
            new Kind(BusinessType.FINANCIAL_AGENCY, 8, PhoneNumberType.FIXED_LINE, List.of("Tax Services", "Insurance Agency", "Wealth Advisors",
                    "Mortgage Brokers")),
            new Kind(BusinessType.JOB, 6, PhoneNumberType.FIXED_LINE, List.of("Staffing", "Employment Agency", "Careers Center")),
            new Kind(BusinessType.LEGAL_AGENCY, 8, PhoneNumberType.FIXED_LINE, List.of("Law Office", "Legal Aid", "Notary", "Attorneys")),
            new Kind(BusinessType.HOUSEKEEPING_PROPERTY, 5, PhoneNumberType.FIXED_LINE, List.of("Property Management", "Realty Management")),
            new Kind(BusinessType.HOUSEKEEPING_PROPERTY, 5, PhoneNumberType.MOBILE, List.of("Cleaning", "Housekeeping", "Handyman")),
            new Kind(BusinessType.SCHOOL, 10, PhoneNumberType.FIXED_LINE, List.of("Elementary School", "High School", "Middle School",
                    "Community College")),
            new Kind(BusinessType.EXTRACURRICULAR_TRAINING, 4, PhoneNumberType.FIXED_LINE, List.of("Music School", "Dance Studio", "Swim Club")),
            new Kind(BusinessType.EXTRACURRICULAR_TRAINING, 4, PhoneNumberType.MOBILE, List.of("Math Tutoring", "Coding Club", "Chess Club")),
            new Kind(BusinessType.HOSPITAL, 4, PhoneNumberType.FIXED_LINE, List.of("General Hospital", "Medical Center", "Children's Hospital")),
            new Kind(BusinessType.CLINIC, 12, PhoneNumberType.FIXED_LINE, List.of("Family Clinic", "Dental", "Urgent Care", "Eye Care",
                    "Pediatrics", "Physical Therapy")),
            new Kind(BusinessType.FOOD, 40, PhoneNumberType.FIXED_LINE, List.of("Pizza", "Diner", "Bakery", "Grill", "Sushi", "Tacos", "Cafe",
                    "Deli", "Noodle House", "BBQ", "Supermarket")),
            new Kind(BusinessType.DRESS_CODE, 20, PhoneNumberType.FIXED_LINE, List.of("Boutique", "Shoes", "Tailors", "Outfitters", "Bridal",
                    "Dry Cleaning")),
            new Kind(BusinessType.HOUSING, 12, PhoneNumberType.FIXED_LINE, List.of("Realty", "Apartments", "Home Rentals", "Furniture")),
            new Kind(BusinessType.TRAVELING, 3, PhoneNumberType.TOLL_FREE, List.of("Airlines", "Car Rental", "Cruises")),
            new Kind(BusinessType.TRAVELING, 9, PhoneNumberType.FIXED_LINE, List.of("Travel Agency", "Hotel", "Taxi", "Bus Lines")),
            new Kind(BusinessType.EMERGENCY, 3, PhoneNumberType.FIXED_LINE, List.of("Police non-emergency line", "Fire Department dispatch",
                    "Ambulance service")),
            new Kind(BusinessType.EMERGENCY, 1, PhoneNumberType.TOLL_FREE, List.of("Poison Control Center")));
    /** Two banks own a block of 100 toll-free numbers: the entry is the number without its last two digits. */
    private static final int BANK_BLOCKS = 2;

    private DefaultBusinesses() {}

    /** Draws from {@code numbers}, which then keeps them from being handed out again (to subscribers). */
    static List<DirectoryEntry> create(String region, ValidNumbers numbers, UniformRandomProvider rng) {
        List<DirectoryEntry> entries = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Kind kind : KINDS) {
            for (String number : lines(region, numbers, kind.line(), kind.count()))
                entries.add(new DirectoryEntry(number, kind.type(), name(kind, names, rng)));
        }
        List<String> blocks = numbers.make(region, PhoneNumberType.TOLL_FREE, BANK_BLOCKS);
        for (String number : blocks) {
            String prefix = number.substring(0, number.length() - 2);
            if (entries.stream().noneMatch(e -> e.prefix().startsWith(prefix)))
                entries.add(new DirectoryEntry(prefix, BusinessType.BANKING, name(KINDS.get(0), names, rng) + " (toll-free block)"));
        }
        return entries;
    }

    /** The kind's lines, topped up with fixed lines, then mobiles, where the region has too few of that kind. */
    private static List<String> lines(String region, ValidNumbers numbers, PhoneNumberType line, int count) {
        List<String> out = new ArrayList<>(numbers.make(region, line, count));
        if (out.size() < count) out.addAll(numbers.make(region, PhoneNumberType.FIXED_LINE, count - out.size()));
        if (out.size() < count) out.addAll(numbers.make(region, PhoneNumberType.MOBILE, count - out.size()));
        return out;
    }

    private static String name(Kind kind, Set<String> taken, UniformRandomProvider rng) {
        for (int attempt = 0; ; attempt++) {
            String name = PLACES.get(rng.nextInt(PLACES.size())) + " " + kind.names().get(rng.nextInt(kind.names().size()));
            if (attempt >= 10) name += " " + (attempt - 8);
            if (taken.add(name)) return name;
        }
    }
}
