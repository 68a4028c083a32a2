package dev.keyport.application.port.in;

import dev.keyport.domain.KeyView;

/** Schedules a key's deletion within the vendor's window; the view carries the deletion date. */
public interface ScheduleKeyDeletionUseCase {

    KeyView scheduleKeyDeletion(ScheduleKeyDeletionCommand command);
}
