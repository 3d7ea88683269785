package dev.switchboard.callcenter;

/** The life of a call-center call: queued, then answered (and later ended) or abandoned. */
public enum CallEventType { QUEUED, ANSWERED, ABANDONED, ENDED }
