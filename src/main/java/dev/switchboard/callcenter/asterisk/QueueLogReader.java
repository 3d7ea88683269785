package dev.switchboard.callcenter.asterisk;

import dev.switchboard.callcenter.CallEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a whole Asterisk {@code queue_log} in file order and hands out its call events and its unusable
 * lines. Lines end in LF, CRLF or CR; a byte-order mark before the first line is dropped. The reader
 * does not sort: Asterisk writes the file in time order, and the mapping needs that order.
 */
public final class QueueLogReader {
    private QueueLogReader() {}

    /** Everything read from one file. */
    public record Result(List<CallEvent> events, List<QueueLogItem.Unusable> unusable, QueueLogCounts counts) {
        public Result {
            events = List.copyOf(events);
            unusable = List.copyOf(unusable);
        }
    }

    /** Streams each item to {@code out} as its line is read; only I/O errors of {@code in} are thrown. */
    public static QueueLogCounts read(Reader in, Consumer<? super QueueLogItem> out) throws IOException {
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        QueueLogMapper mapper = new QueueLogMapper();
        QueueLogCounts.Tally tally = new QueueLogCounts.Tally();
        long number = 0;
        for (String text; (text = lines.readLine()) != null; ) {
            number++;
            if (number == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
            if (text.isBlank()) {
                tally.skipped(QueueLogCounts.BLANK);
                continue;
            }
            QueueLogLine.Parsed parsed = QueueLogLine.parse(text);
            if (parsed instanceof QueueLogLine.Parsed.Unparsable u) {
                tally.unusable();
                out.accept(new QueueLogItem.Unusable(number, text, List.of(u.reason())));
                continue;
            }
            QueueLogLine line = ((QueueLogLine.Parsed.Line) parsed).line();
            QueueLogMapper.Outcome outcome = mapper.map(line);
            if (outcome instanceof QueueLogMapper.Outcome.Emitted e) {
                tally.mapped(line.event(), e.event().event());
                out.accept(new QueueLogItem.Event(number, e.event()));
            } else if (outcome instanceof QueueLogMapper.Outcome.Unusable u) {
                tally.unusable();
                out.accept(new QueueLogItem.Unusable(number, text, u.reasons()));
            } else {
                tally.skipped(line.event());
            }
        }
        return tally.counts();
    }

    /** Reads the whole file into memory; for large files use {@link #read(Reader, Consumer)}. */
    public static Result read(Reader in) throws IOException {
        List<CallEvent> events = new ArrayList<>();
        List<QueueLogItem.Unusable> unusable = new ArrayList<>();
        QueueLogCounts counts = read(in, item -> {
            if (item instanceof QueueLogItem.Event e) events.add(e.event());
            else unusable.add((QueueLogItem.Unusable) item);
        });
        return new Result(events, unusable, counts);
    }
}
