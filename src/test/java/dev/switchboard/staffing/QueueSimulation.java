package dev.switchboard.staffing;

import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * M/M/n+M by simulation, for checking the formulas: calls in arrival order, first come first served. A call is
 * answered when the earliest agent frees after every earlier answered call took its agent, if its patience
 * lasts that long; otherwise it hangs up and takes no agent. (Calls that hang up never hold an agent, so
 * serving the answered ones in order is exactly FCFS.)
 */
final class QueueSimulation {
    record Result(double probWait, double probAbandon, double serviceLevel, double asaSec) {}

    static Result run(Traffic traffic, double meanPatienceSec, int agents, double thresholdSec, int calls, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        PriorityQueue<Double> free = new PriorityQueue<>();
        for (int i = 0; i < agents; i++) free.add(0.0);
        double now = 0, waitedAnswered = 0;
        long waited = 0, abandoned = 0, answered = 0, within = 0;
        int warmUp = calls / 20;
        for (int i = 0; i < calls + warmUp; i++) {
            now += exponential(random, 1 / traffic.arrivalsPerSec());
            double patience = exponential(random, meanPatienceSec);
            double agentFree = free.peek();
            double wait = Math.max(0, agentFree - now);
            boolean counted = i >= warmUp;
            if (counted && wait > 0) waited++;
            if (wait > patience) {
                if (counted) abandoned++;
                continue;
            }
            free.poll();
            free.add(now + wait + exponential(random, traffic.handleSec()));
            if (counted) {
                answered++;
                waitedAnswered += wait;
                if (wait <= thresholdSec) within++;
            }
        }
        return new Result((double) waited / calls, (double) abandoned / calls, (double) within / calls, waitedAnswered / answered);
    }

    private static double exponential(SplittableRandom random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }
}
