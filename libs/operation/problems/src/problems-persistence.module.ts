import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { KnownErrorRepository } from './persistence/known-error.repository';
import { PROBLEM_MODELS } from './persistence/problem-models';
import { ProblemNumberAllocator } from './persistence/problem-number.allocator';
import { ProblemRepository } from './persistence/problem.repository';

/** The problems, problem number blocks and known errors collections. Needs PersistenceModule and OutboxModule. */
@Module({
  imports: [MongooseModule.forFeature(PROBLEM_MODELS)],
  providers: [ProblemRepository, KnownErrorRepository, ProblemNumberAllocator],
  exports: [ProblemRepository, KnownErrorRepository, ProblemNumberAllocator],
})
export class ProblemsPersistenceModule {}
