/**
 * Sales figures per store, for views that put a store's results beside its sales (the franchise audit's "score
 * beside sales"): modules that record sales register a {@link org.opencrm.platform.api.sales.StoreSalesFigures}
 * whiteboard service; a view shows whatever providers are present and says so when there is none. No module needs
 * another module for it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.opencrm.platform.api.sales;
