/**
 * Backpropagation by hand through three small networks: see {@link
 * org.mlgrade.api.backprop.Backprop}.
 */
package org.mlgrade.api.backprop;
