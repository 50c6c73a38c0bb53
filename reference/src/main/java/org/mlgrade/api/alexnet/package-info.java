/**
 * Counting the units, weights and connections of a convolutional network layer by layer, as in
 * the table of AlexNet (Krizhevsky, Sutskever and Hinton, 2012); see
 * {@link org.mlgrade.api.alexnet.AlexNetCounts}.
 */
package org.mlgrade.api.alexnet;
