/**
 * Kernel validity: the Gram matrix of a kernel described as data, and whether that matrix is
 * positive semi-definite, with its minimum eigenvalue and a witness vector when it is not.
 */
package org.mlgrade.api.kernel;
