/**
 * The fused programs' buffers and uniforms, each named once: a record of fields gives both the WGSL the
 * shaders are written against (constants for offsets, a uniform declaration) and what the host writes
 * or reads, by the same names. So no shader says `state[at + 8]` while the host reads `values[at + 8]`
 * and hopes they agree.
 */

/** A uniform as TF.js's `runWebGPUProgram` takes it. */
export interface ProgramUniform {
  type: 'int32' | 'float32';
  data: number[];
}

export type UniformType = 'i32' | 'f32';

/** A program's own uniforms: the WGSL for its `uniforms` field, and their values in the same order. */
export class UniformBlock<K extends string> {
  private readonly names: K[];

  constructor(private readonly fields: Readonly<Record<K, UniformType>>) {
    this.names = Object.keys(fields) as K[];
  }

  /** `name : i32, other : f32,` for a program's `uniforms` (TF.js appends them to its own). */
  get declarations(): string {
    return this.names.map((name) => `${name} : ${this.fields[name]},`).join(' ');
  }

  values(values: Readonly<Record<K, number>>): ProgramUniform[] {
    return this.names.map((name) => ({ type: this.fields[name] === 'i32' ? 'int32' : 'float32', data: [values[name]] }));
  }

  /** This block followed by `other`'s fields (names must differ). */
  with<L extends string>(other: UniformBlock<L>): UniformBlock<K | L> {
    return new UniformBlock<K | L>({ ...this.fields, ...other.fields });
  }
}

/** `trainLoss` → `TRAIN_LOSS`. */
function constantName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/**
 * Consecutive fields of a float buffer, each `length` floats long, the whole padded to a multiple of
 * `align` floats. `wgsl` declares `PREFIX_FIELD` (offset) and `PREFIX_SIZE` constants.
 */
export class BufferLayout<K extends string> {
  readonly offset: Readonly<Record<K, number>>;
  readonly length: Readonly<Record<K, number>>;
  readonly size: number;

  constructor(
    private readonly prefix: string,
    fields: Readonly<Record<K, number>>,
    align = 4,
  ) {
    const offset = {} as Record<K, number>;
    let at = 0;
    for (const name of Object.keys(fields) as K[]) {
      offset[name] = at;
      at += fields[name];
    }
    this.offset = offset;
    this.length = fields;
    this.size = Math.ceil(at / align) * align;
  }

  get wgsl(): string {
    const names = Object.keys(this.offset) as K[];
    return [
      ...names.map((name) => `const ${this.prefix}_${constantName(name)} : i32 = ${this.offset[name]};`),
      `const ${this.prefix}_SIZE : i32 = ${this.size};`,
    ].join('\n  ');
  }

  /** The first float of `field` in the record that starts at `at`. */
  read(values: ArrayLike<number>, at: number, field: K): number {
    return values[at + this.offset[field]];
  }

  /** All floats of `field` in the record that starts at `at`. */
  slice(values: Float32Array, at: number, field: K): Float32Array {
    const from = at + this.offset[field];
    return values.subarray(from, from + this.length[field]);
  }

  /** Writes `field` of the record that starts at `at`. */
  write(values: Float32Array, at: number, field: K, data: ArrayLike<number>): void {
    values.set(data, at + this.offset[field]);
  }
}
