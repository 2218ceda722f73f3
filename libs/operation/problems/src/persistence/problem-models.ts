import { ModelDefinition } from '@nestjs/mongoose';
import { KnownErrorRecord, KnownErrorSchema } from './known-error.schema';
import { ProblemNumberBlockRecord, ProblemNumberBlockSchema } from './problem-number-block.schema';
import { ProblemRecord, ProblemSchema } from './problem.schema';

/** The models of the problems, their number blocks and the known errors, for MongooseModule.forFeature. */
export const PROBLEM_MODELS: ModelDefinition[] = [
  { name: ProblemRecord.name, schema: ProblemSchema },
  { name: ProblemNumberBlockRecord.name, schema: ProblemNumberBlockSchema },
  { name: KnownErrorRecord.name, schema: KnownErrorSchema },
];
