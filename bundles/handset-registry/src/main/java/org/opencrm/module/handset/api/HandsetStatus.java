package org.opencrm.module.handset.api;

/**
 * Where a unit is in its life. IN_STOCK → SOLD → RETURNED | EXCHANGED | IN_REPAIR; IN_REPAIR → SOLD; RETURNED and
 * EXCHANGED units may go back IN_STOCK (inspected, refurbished); every state but SOLD may end SCRAPPED.
 */
public enum HandsetStatus {
    IN_STOCK, SOLD, RETURNED, EXCHANGED, IN_REPAIR, SCRAPPED
}
