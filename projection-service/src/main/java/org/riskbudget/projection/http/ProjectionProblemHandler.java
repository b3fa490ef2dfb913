package org.riskbudget.projection.http;

import org.riskbudget.platform.web.ProblemAdvice;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The read side's problem+json: the platform's refusals and codes; reads add none of their own beyond those the
 * queries throw as {@code LedgerException}.
 */
@RestControllerAdvice
class ProjectionProblemHandler extends ProblemAdvice {}
