package dev.keyport.application.port.in;

import dev.keyport.application.port.out.KeyPage;

/** Lists the keys of the caller's scope, filtered and paged by the store. */
public interface ListKeysUseCase {

    KeyPage listKeys(ListKeysCommand command);
}
