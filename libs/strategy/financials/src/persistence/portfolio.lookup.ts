import { UUID_PATTERN, ValidationIssue } from '@itsm/contracts';
import { PortfolioRepository } from '@itsm/strategy/portfolio';
import { Injectable } from '@nestjs/common';

export interface ReportedService {
  serviceId: string;
  name: string;
}

/** The portfolio as the financials see it: which services exist, and which a report lists by which name. */
@Injectable()
export class PortfolioLookup {
  constructor(private readonly portfolio: PortfolioRepository) {}

  /** Issues naming `serviceId` unless it is a portfolio service (in any stage: pipeline services are planned, retired ones still get invoices). */
  async serviceIssues(serviceId: string): Promise<ValidationIssue[]> {
    const known = UUID_PATTERN.test(serviceId) && (await this.portfolio.existingIds([serviceId])).has(serviceId);
    return known ? [] : [{ field: 'serviceId', messages: [`no portfolio service has the id ${serviceId}`] }];
  }

  /** Every service in the catalogue stage, and every other service with figures in the reported period. */
  async reported(withFigures: Iterable<string>): Promise<ReportedService[]> {
    const others = [...new Set(withFigures)];
    const names = new Map((await this.portfolio.namesInStateOr('catalogue', others)).map((service) => [service._id, service.name]));
    // Figures are only accepted for portfolio services, which are never deleted; the id stands in just in case.
    for (const serviceId of others) if (!names.has(serviceId)) names.set(serviceId, serviceId);
    return [...names].map(([serviceId, name]) => ({ serviceId, name }));
  }
}
