import { describe, expect, it } from 'vitest';
import { noteHeadings, noteSections, notesTable } from './notes';
import { lessonProblems } from './validate';

// The shapes the study notes' headings really take (note 000 restarts its count under a parent; 002 numbers in full; 004 has
// `NN | title ##` chapters and title-less numbered reader comments).
const LOOSE = '# 1.背景\ntext\n# 2.基础概念\n## 2.1K8s概述\n### 1.设计理念\n### 2.K8s架构\n## 2.Pod\n# 3.常用资源对象\n## 3.1编排对象\n### 1.ReplicaSet\n';
const CHAPTERS = '# 深入剖析Kubernetes #\n## 开篇词 | 打通 ##\n### 精选留言 ###\n#### 1 ####\n#### 2 ####\n## 05 | 白话容器基础（一） ##\n### 总结 ###\n## 13 | 为什么我们需要Pod？ ##\n';

describe('the sections of a note', () => {
  it('numbers a heading under its parent when its own number restarts the count', () => {
    expect(noteHeadings(LOOSE)).toEqual([
      { section: '1', title: '背景' },
      { section: '2', title: '基础概念' },
      { section: '2.1', title: 'K8s概述' },
      { section: '2.1.1', title: '设计理念' },
      { section: '2.1.2', title: 'K8s架构' },
      { section: '2.2', title: 'Pod' },
      { section: '3', title: '常用资源对象' },
      { section: '3.1', title: '编排对象' },
      { section: '3.1.1', title: 'ReplicaSet' },
    ]);
  });

  it('keeps full numbers, reads `NN | title ##` chapters and skips numbers without a title', () => {
    expect(noteHeadings('## 1.Kubernetes基本概念\n### 1.1 Master\n#### 1.1.1 etcd\n### 1.2 Node\n## 2.原理\n### 2.1 API Server\n')).toEqual([
      { section: '1', title: 'Kubernetes基本概念' },
      { section: '1.1', title: 'Master' },
      { section: '1.1.1', title: 'etcd' },
      { section: '1.2', title: 'Node' },
      { section: '2', title: '原理' },
      { section: '2.1', title: 'API Server' },
    ]);
    expect([...noteSections(CHAPTERS)]).toEqual(['05', '13']);
  });
});

describe('the table of the notes and the steps that teach them', () => {
  const step = (id: string, notes?: string[]) => ({ id, ...(notes ? { notes } : {}) });
  it('credits the steps that name a section, or every step of a lesson whose steps name none, and marks the rest', () => {
    const table = notesTable(
      [
        { number: '000', text: LOOSE },
        { number: '003', text: 'no headings here\n' },
      ],
      [
        { id: '03-pods', notes: ['000 §2.2', '003'], steps: [step('01-a'), step('02-b'), step('03-c')] },
        { id: '05-rs', notes: ['000 §3.1', '000 §3.1.1'], steps: [step('01-a', ['000 §3.1']), step('02-b', ['000 §3.1.1']), step('03-c', ['000 §3.1.1'])] },
        { id: '06-deploy', notes: ['000 §3.1'], steps: [step('01-a', ['000 §3.1']), step('02-b'), step('03-c', ['000 §3.1'])] },
      ],
    ).split('\n');
    expect(table.slice(0, 2)).toEqual(['| notes section | heading | taught by |', '|---|---|---|']);
    expect(table).toContain('| 000 §2.1.2 | K8s架构 | *not yet taught* |');
    expect(table).toContain('| 000 §2.2 | Pod | 03-pods (steps 1–3) |');
    expect(table).toContain('| 000 §3.1 | 编排对象 | 05-rs (step 1), 06-deploy (steps 1, 3) |');
    expect(table).toContain('| 000 §3.1.1 | ReplicaSet | 05-rs (steps 2–3) |');
    expect(table).toContain('| 003 | (the whole note: it has no numbered headings) | 03-pods (steps 1–3) |');
    expect(table.filter((l) => l.startsWith('| 000 '))).toHaveLength(9);
  });

  it("a step's notes must be among its lesson's", () => {
    const lesson = {
      id: '01-x',
      title: { en: 'x', 'zh-CN': 'x' },
      summary: { en: 'x', 'zh-CN': 'x' },
      minutes: 5,
      notes: ['002 §1.5'],
      steps: [{ id: '01-a', title: { en: 'a', 'zh-CN': 'a' }, notes: ['002 §1.6'], checks: [{ id: 'c', type: 'exists', resource: 'pods', name: 'p', message: { en: 'm', 'zh-CN': 'm' } }], solution: [{ command: 'kubectl run p --image=nginx' }] }],
    };
    expect(lessonProblems(lesson, '01-x')).toContain('steps[0]: notes: "002 §1.6" is not one of the lesson\'s notes');
    lesson.steps[0]!.notes = ['002 §1.5'];
    expect(lessonProblems(lesson, '01-x').filter((p) => p.includes('notes'))).toEqual([]);
  });
});
