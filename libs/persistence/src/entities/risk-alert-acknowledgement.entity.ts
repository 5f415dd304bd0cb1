import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * That an officer or supervisor has read a risk alert: a risk case shared with their office
 * (decision SHARE). One row per case and user, written once (`ON CONFLICT DO NOTHING`), so
 * acknowledging again keeps the first `acknowledgedAt`. See the `1764810000000-risk-alert-acknowledgement` migration.
 */
@Entity({ name: 'risk_alert_acknowledgement' })
export class RiskAlertAcknowledgementEntity {
  /** The shared risk case (`risk-case-<uuid>`). */
  @PrimaryColumn({ name: 'risk_case_id', type: 'varchar', length: 80 })
  riskCaseId!: string;

  /** The user who acknowledged it (the token's subject). */
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 64 })
  userId!: string;

  /** The user's office when they acknowledged it. */
  @Column({ name: 'office_id', type: 'varchar', length: 8 })
  officeId!: string;

  @Column({ name: 'acknowledged_at', type: 'timestamptz' })
  acknowledgedAt!: Date;
}
