package dev.switchboard.predict;

import java.util.List;

/**
 * A time-based split of rows in time order: the oldest 70 % to train on, the next 15 % to choose the
 * algorithm on, the newest 15 % to report on. Later calls are never used to predict earlier ones.
 */
public record Split(List<TrainingRow> train, List<TrainingRow> validation, List<TrainingRow> test) {
    static final double TRAIN = 0.70;
    static final double VALIDATION = 0.15;

    public static Split of(List<TrainingRow> rowsInTimeOrder) {
        int n = rowsInTimeOrder.size();
        int a = (int) Math.round(n * TRAIN);
        int b = (int) Math.round(n * (TRAIN + VALIDATION));
        return new Split(rowsInTimeOrder.subList(0, a), rowsInTimeOrder.subList(a, b), rowsInTimeOrder.subList(b, n));
    }
}
