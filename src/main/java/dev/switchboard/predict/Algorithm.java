package dev.switchboard.predict;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.math.optimisers.AdaGrad;

/** The candidate learners, each with fixed settings and seed, so that the same history gives the same model. */
public enum Algorithm {
    /**
     * Multinomial logistic regression by AdaGrad SGD on every training row: probabilities from a softmax,
     * fast to train and to score. Five passes over small histories, fewer over large ones (one pass over
     * a million rows is plenty for some 150 weights, and keeps training under a minute).
     */
    LOGISTIC_REGRESSION {
        @Override
        Trainer<Label> trainer(long seed, int rows) {
            int epochs = Math.max(1, Math.min(5, 500_000 / Math.max(1, rows)));
            return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), epochs, Integer.MAX_VALUE, 1, seed);
        }

        @Override
        int maxRows() {
            return Integer.MAX_VALUE;
        }
    },
    /**
     * A random forest of CART trees (half the features tried per split), probabilities averaged over the
     * trees. Trained on the newest {@link #FOREST_ROWS} training rows at most: Tribuo's CART costs about
     * half a millisecond per row for the forest on this machine, so more would break the one-minute budget.
     */
    RANDOM_FOREST {
        @Override
        int maxRows() {
            return FOREST_ROWS;
        }

        @Override
        Trainer<Label> trainer(long seed, int rows) {
            CARTClassificationTrainer tree = new CARTClassificationTrainer(TREE_DEPTH, 20f, 0f, 0.5f, false, new GiniIndex(), seed);
            return new RandomForestTrainer<>(tree, new FullyWeightedVotingCombiner(), TREES, seed);
        }
    };

    static final int TREES = 10;
    static final int TREE_DEPTH = 8;
    static final int FOREST_ROWS = 20_000;

    abstract Trainer<Label> trainer(long seed, int rows);

    /** The newest rows of the training split this algorithm is trained on, at most. */
    abstract int maxRows();

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
