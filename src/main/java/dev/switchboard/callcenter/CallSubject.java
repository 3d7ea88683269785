package dev.switchboard.callcenter;

/** What a call turned out to be about, known when it ends. */
public enum CallSubject { JOINING, COMPLAINT, DISCONNECTION, OTHER }
