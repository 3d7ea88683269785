package dev.switchboard.predict;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.callcenter.CallSubject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How well predictions match the actual subjects of a set of calls.
 *
 * @param confusion   rows the actual subject, columns the predicted one, both in {@link CallSubject} order
 * @param reliability every (call, subject) pair, binned by the predicted probability of that subject: how
 *                    often a subject given probability p turned out to be the one (calibrated: observed ≈ mean predicted)
 * @param brier       multi-class Brier score: mean over calls of Σ_subject (p − [actual = subject])², 0 best, 2 worst
 */
public record Metrics(
        int count,
        double accuracy,
        @JsonProperty("macro_f1") double macroF1,
        @JsonProperty("per_class") Map<CallSubject, ClassScores> perClass,
        List<CallSubject> labels,
        long[][] confusion,
        List<Bin> reliability,
        double brier) {

    public record ClassScores(double precision, double recall, double f1, long support) {}

    public record Bin(double from, double to, long count, @JsonProperty("mean_predicted") double meanPredicted, double observed) {}

    static final int BINS = 10;

    public static Metrics of(List<CallSubject> actual, List<Prediction> predicted) {
        if (actual.size() != predicted.size()) throw new IllegalArgumentException("one prediction per call");
        CallSubject[] subjects = CallSubject.values();
        int k = subjects.length;
        long[][] confusion = new long[k][k];
        long[] binCount = new long[BINS];
        double[] binPredicted = new double[BINS];
        long[] binHits = new long[BINS];
        double brier = 0;
        long correct = 0;
        for (int i = 0; i < actual.size(); i++) {
            CallSubject truth = actual.get(i);
            Prediction p = predicted.get(i);
            confusion[truth.ordinal()][p.subject().ordinal()]++;
            if (truth == p.subject()) correct++;
            for (CallSubject s : subjects) {
                double q = p.probability(s);
                int hit = s == truth ? 1 : 0;
                brier += (q - hit) * (q - hit);
                int b = Math.min(BINS - 1, (int) Math.floor(q * BINS));
                binCount[b]++;
                binPredicted[b] += q;
                binHits[b] += hit;
            }
        }
        int n = actual.size();
        Map<CallSubject, ClassScores> perClass = new LinkedHashMap<>();
        double f1Sum = 0;
        int classes = 0;
        for (CallSubject s : subjects) {
            int j = s.ordinal();
            long tp = confusion[j][j];
            long support = 0;
            long predictedAs = 0;
            for (int o = 0; o < k; o++) {
                support += confusion[j][o];
                predictedAs += confusion[o][j];
            }
            double precision = predictedAs == 0 ? 0 : (double) tp / predictedAs;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.put(s, new ClassScores(precision, recall, f1, support));
            if (support > 0 || predictedAs > 0) { // a subject neither present nor predicted says nothing
                f1Sum += f1;
                classes++;
            }
        }
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < BINS; b++)
            bins.add(new Bin((double) b / BINS, (double) (b + 1) / BINS, binCount[b], binCount[b] == 0 ? 0 : binPredicted[b] / binCount[b],
                    binCount[b] == 0 ? 0 : (double) binHits[b] / binCount[b]));
        return new Metrics(n, n == 0 ? 0 : (double) correct / n, classes == 0 ? 0 : f1Sum / classes, perClass, List.of(subjects), confusion,
                bins, n == 0 ? 0 : brier / n);
    }
}
