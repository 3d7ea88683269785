package dev.switchboard.marketing;

import dev.switchboard.marketing.TemplateRows.BestTime;
import dev.switchboard.marketing.TemplateRows.Business;
import dev.switchboard.marketing.TemplateRows.Country;
import dev.switchboard.marketing.TemplateRows.Duration;
import dev.switchboard.marketing.TemplateRows.PersonTag;
import java.util.List;

/** The five marketing templates, answered from the history or from the live stream (docs/MARKETING.md). */
public interface Templates {
    /** Template 0: calls and duration per hour of day, per day, or both. */
    List<Duration> duration(TemplateQuery q);

    /** Template 1: calls and duration per business type and tag. */
    List<Business> business(TemplateQuery q);

    /** Template 2: each caller's most-called tag and business type. */
    List<PersonTag> personTags(TemplateQuery q);

    /** Template 3: international calls per country. */
    List<Country> countries(TemplateQuery q);

    /** Template 4: each caller's most frequent weekday and hour of calling, in the caller's local time. */
    List<BestTime> bestTimes(TemplateQuery q);

    /** Template {@code n} (0 to 4). */
    default List<?> template(int n, TemplateQuery q) {
        return switch (n) {
            case 0 -> duration(q);
            case 1 -> business(q);
            case 2 -> personTags(q);
            case 3 -> countries(q);
            case 4 -> bestTimes(q);
            default -> throw new IllegalArgumentException("there are templates 0 to 4, not " + n);
        };
    }
}
