import { PortfolioServiceFieldsV1 } from '../messages/portfolio-service-fields.v1';

/** Body of POST /api/v1/portfolio/services: a proposal enters the pipeline. */
export class ProposeServiceRequest extends PortfolioServiceFieldsV1 {}
