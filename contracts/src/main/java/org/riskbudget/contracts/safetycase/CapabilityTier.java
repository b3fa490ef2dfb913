package org.riskbudget.contracts.safetycase;

/**
 * R&D-labour speed-up classes of the assessed AI system. TEDAI: AI that dominates top human experts at
 * virtually all cognitive tasks.
 */
public enum CapabilityTier {
    BELOW_3X,
    AI_3X,
    AI_10X,
    TEDAI
}
