/** Company accounts: allocated, net transferred, available, reserved, spent, and whether the company must pause. */
package org.riskbudget.projection.company;
