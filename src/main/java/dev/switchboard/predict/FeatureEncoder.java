package dev.switchboard.predict;

import dev.switchboard.callcenter.CallSubject;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.impl.ArrayExample;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/**
 * The one place a {@link CallFeatures} becomes a Tribuo example, for training and for scoring alike, so
 * the two can never disagree. Categorical values are one-hot ({@code city=Salem} = 1); call counts are
 * both bucketed one-hot and numeric ({@code log1p}), so a linear model gets steps and a tree gets a
 * threshold. A value never seen in training is a feature the model does not know, and Tribuo drops it.
 */
public final class FeatureEncoder {
    /** The feature groups, as stored in the model registry. */
    public static final List<String> GROUPS = List.of("city", "sex", "age_band", "product", "products", "calls_30d", "calls_30d_log",
            "calls_7d", "calls_7d_log", "last_call", "hour", "weekday", "queue", "dialled");

    private static final String[] HOURS = new String[24];
    private static final String[] WEEKDAYS = new String[7];
    private static final String[] LAST = new String[LastCall.values().length];
    private static final String[] PRODUCT_COUNT = {"products=0", "products=1", "products=2", "products=3+"};
    private static final String[] CALLS_30 = {"calls_30d=0", "calls_30d=1", "calls_30d=2", "calls_30d=3", "calls_30d=4", "calls_30d=5-9", "calls_30d=10+"};
    private static final String[] CALLS_7 = {"calls_7d=0", "calls_7d=1", "calls_7d=2", "calls_7d=3+"};

    static {
        for (int h = 0; h < 24; h++) HOURS[h] = "hour=" + h;
        for (int d = 0; d < 7; d++) WEEKDAYS[d] = "weekday=" + java.time.DayOfWeek.of(d + 1).name().substring(0, 3);
        for (LastCall l : LastCall.values()) LAST[l.ordinal()] = "last_call=" + l.name();
    }

    private FeatureEncoder() {}

    /** An example to score: its label is Tribuo's unknown label. */
    public static Example<Label> example(CallFeatures f) {
        return example(f, LabelFactory.UNKNOWN_LABEL);
    }

    /** A training or test example labelled with the call's actual subject. */
    public static Example<Label> example(CallFeatures f, CallSubject subject) {
        return example(f, new Label(subject.name()));
    }

    private static Example<Label> example(CallFeatures f, Label label) {
        int n = 12 + f.products().size() + (f.dialledNumber() == null ? 0 : 1);
        String[] names = new String[n];
        double[] values = new double[n];
        int i = 0;
        names[i++] = "city=" + (f.city() == null ? "UNKNOWN" : f.city());
        names[i++] = "sex=" + (f.sex() == null ? "UNKNOWN" : f.sex().name());
        names[i++] = "age_band=" + f.ageBand();
        for (String p : f.products()) names[i++] = "product=" + p;
        names[i++] = PRODUCT_COUNT[Math.min(f.products().size(), 3)];
        names[i++] = CALLS_30[bucket30(f.callsLast30d())];
        names[i++] = CALLS_7[Math.min(f.callsLast7d(), 3)];
        names[i++] = LAST[f.lastCall().ordinal()];
        names[i++] = HOURS[f.hour()];
        names[i++] = WEEKDAYS[f.weekday().ordinal()];
        names[i++] = "queue=" + (f.queue() == null ? "UNKNOWN" : f.queue());
        if (f.dialledNumber() != null) names[i++] = "dialled=" + f.dialledNumber();
        java.util.Arrays.fill(values, 0, i, 1.0);
        names[i] = "calls_30d_log";
        values[i++] = Math.log1p(f.callsLast30d());
        names[i] = "calls_7d_log";
        values[i] = Math.log1p(f.callsLast7d());
        return new ArrayExample<>(label, names, values);
    }

    static int bucket30(int n) {
        return n <= 4 ? n : n <= 9 ? 5 : 6;
    }
}
