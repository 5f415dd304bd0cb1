import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SelectivityCriterionEntity } from './selectivity-criterion.entity';

/**
 * The approval that puts one criterion version into force (maker-checker): the approver is
 * never the author. Append-only; a version without a row here is a draft and screening
 * ignores it.
 */
@Entity({ name: 'criterion_approval' })
export class CriterionApprovalEntity {
  @PrimaryColumn({ name: 'criterion_id', type: 'varchar', length: 40 })
  criterionId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @ManyToOne(() => SelectivityCriterionEntity, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    { name: 'criterion_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_criterion_approval_version' },
    { name: 'version', referencedColumnName: 'version', foreignKeyConstraintName: 'fk_criterion_approval_version' },
  ])
  criterion?: SelectivityCriterionEntity;

  /** User id of the approver (`seed` for versions loaded from `rules/`). */
  @Column({ name: 'approved_by', type: 'varchar', length: 64 })
  approvedBy!: string;

  @CreateDateColumn({ name: 'approved_at', type: 'timestamptz' })
  approvedAt!: Date;
}
