package dev.patron.host.exports;

import dev.patron.host.shop.NotFoundException;
import java.util.List;

/** No export of the asked kind is offered now; carries the kinds there are. */
public final class UnknownExportException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> kinds;

    UnknownExportException(String message, List<String> kinds) {
        super(message);
        this.kinds = List.copyOf(kinds);
    }

    /** The kinds that can be exported now. */
    public List<String> kinds() {
        return kinds;
    }
}
