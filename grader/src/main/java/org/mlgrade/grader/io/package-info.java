/** File chores that several stages of the grader share, such as deleting a work tree. */
package org.mlgrade.grader.io;
