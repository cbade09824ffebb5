/**
 * The data directory (DTS_DATA_DIR, control spec rule C-DURABLE): the emulator's state kept in a log whose every record
 * is forced to disk before what it records is acknowledged, concurrent records sharing one flush, replayed and
 * compacted at start. One of the emulator's own features: it sees changes through the listeners of the layers below
 * (the domain's ChangeObserver, authentication's NonceListener, the control API's StateListener), none of which knows it.
 */
package dev.dtscontract.server.storage;
