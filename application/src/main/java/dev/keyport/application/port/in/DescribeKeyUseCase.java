package dev.keyport.application.port.in;

import dev.keyport.domain.KeyView;

/** Describes one key of the caller's scope, as it is now (an expired material shows as PendingImport). */
public interface DescribeKeyUseCase {

    KeyView describeKey(DescribeKeyCommand command);
}
