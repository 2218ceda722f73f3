import { IsInt, IsString, getMetadataStorage } from 'class-validator';
import { validatePlain } from './validate-plain';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Parent {
  @IsString()
  name!: string;
}

describe('cacheValidationMetadata (installed by validatePlain)', () => {
  const storage = getMetadataStorage();
  const rulesOf = (target: new () => object) => storage.getTargetValidationMetadatas(target, '', false, false).map((rule) => `${rule.propertyName}:${rule.name ?? rule.type}`);

  it('answers the same lookup from memory', () => {
    cacheValidationMetadata(); // a second install changes nothing
    expect(storage.getTargetValidationMetadatas(Parent, '', false, false)).toBe(storage.getTargetValidationMetadatas(Parent, '', false, false));
  });

  it('keeps answers apart by their options', () => {
    const always = storage.getTargetValidationMetadatas(Parent, '', true, false);
    expect(always).not.toBe(storage.getTargetValidationMetadatas(Parent, '', false, false));
    expect(storage.getTargetValidationMetadatas(Parent, '', false, false, ['admin'])).not.toBe(storage.getTargetValidationMetadatas(Parent, '', false, false, ['other']));
  });

  it('forgets its answers when a rule is added, so later rules and subclasses count', () => {
    expect(rulesOf(Parent)).toEqual(['name:isString']);
    class Child extends Parent {
      @IsInt()
      count!: number;
    }
    expect(rulesOf(Child).sort()).toEqual(['count:isInt', 'name:isString']);
    IsInt()(Parent.prototype, 'age');
    expect(rulesOf(Parent).sort()).toEqual(['age:isInt', 'name:isString']);
    expect(validatePlain(Child, { name: 'x', count: 1, age: 'old' })).toMatchObject({ ok: false, issues: [{ field: 'age' }] });
  });
});
