package dev.switchboard.predict;

import dev.switchboard.callcenter.CallSubject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/** A trained Tribuo model that answers, for what is known of a call at arrival, the subject and its probabilities. Thread-safe. */
public final class SubjectPredictor {
    private static final CallSubject[] SUBJECTS = CallSubject.values();
    private final Model<Label> model;

    public SubjectPredictor(Model<Label> model) {
        this.model = Objects.requireNonNull(model, "model");
        if (!model.generatesProbabilities()) throw new IllegalArgumentException("the model must give probabilities");
    }

    public Model<Label> model() {
        return model;
    }

    public Prediction predict(CallFeatures features) {
        return toPrediction(model.predict(FeatureEncoder.example(features)));
    }

    /** Many at once (evaluation): Tribuo predicts a batch with less overhead per example. */
    public List<Prediction> predictAll(List<Example<Label>> examples) {
        List<org.tribuo.Prediction<Label>> raw = model.predict(examples);
        List<Prediction> out = new ArrayList<>(raw.size());
        for (org.tribuo.Prediction<Label> p : raw) out.add(toPrediction(p));
        return out;
    }

    private static Prediction toPrediction(org.tribuo.Prediction<Label> p) {
        Map<CallSubject, Double> probs = new EnumMap<>(CallSubject.class);
        double sum = 0;
        CallSubject best = SUBJECTS[0];
        double bestP = -1;
        for (CallSubject s : SUBJECTS) {
            Label l = p.getOutputScores().get(s.name());
            double v = l == null ? 0 : Math.max(0, l.getScore());
            probs.put(s, v);
            sum += v;
        }
        for (CallSubject s : SUBJECTS) {
            double v = sum > 0 ? probs.get(s) / sum : 1.0 / SUBJECTS.length;
            probs.put(s, v);
            if (v > bestP) {
                bestP = v;
                best = s;
            }
        }
        return new Prediction(best, probs);
    }
}
