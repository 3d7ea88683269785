package dev.switchboard.predict;

import dev.switchboard.callcenter.CallSubject;
import dev.switchboard.callcenter.Caller;
import dev.switchboard.callcenter.simulate.SubjectModel;
import java.util.List;
import java.util.Map;

/**
 * The accuracy no model can beat on simulated calls: the simulator draws each subject from its own
 * P(subject | caller, calls in the last 30 days), so the best any classifier can do on a call is to
 * answer the most likely subject, right with probability max_k P(k). The mean of that over the calls
 * is the expected accuracy of the Bayes-optimal classifier. Only meaningful when the calls were made
 * by the simulator with {@link SubjectModel#standard()}.
 */
public final class BayesOptimal {
    private BayesOptimal() {}

    /** Null when a call lacks what the simulator decides on (an unknown caller). */
    public static Double accuracy(List<TrainingRow> rows, SubjectModel model) {
        if (rows.isEmpty()) return null;
        double sum = 0;
        for (TrainingRow r : rows) {
            CallFeatures f = r.features();
            if (f.city() == null || f.sex() == null || f.age() == null) return null;
            Caller caller = new Caller("unknown", f.age(), f.sex(), f.city(), List.copyOf(f.products()));
            double best = 0;
            for (Map.Entry<CallSubject, Double> e : model.subjectProbabilities(caller, f.callsLast30d()).entrySet())
                best = Math.max(best, e.getValue());
            sum += best;
        }
        return sum / rows.size();
    }
}
