package dev.keyport.application.port.in;

import dev.keyport.domain.KeyView;

/** PendingDelete → Disabled, or → PendingImport for an EXTERNAL key without material. */
public interface CancelKeyDeletionUseCase {

    KeyView cancelKeyDeletion(CancelKeyDeletionCommand command);
}
