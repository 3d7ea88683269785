package dev.switchboard.predict;

import dev.switchboard.callcenter.CallSubject;

/**
 * What the caller's previous call was, as known when this one arrives: its subject when it was answered
 * and had ended by then, ABANDONED when the caller hung up waiting, NONE when there was no earlier call
 * (or it was still going on).
 */
public enum LastCall {
    NONE, ABANDONED, JOINING, COMPLAINT, DISCONNECTION, OTHER;

    public static LastCall of(CallSubject subject) {
        return subject == null ? NONE : valueOf(subject.name());
    }
}
