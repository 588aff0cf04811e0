import { describe, expect, it } from 'vitest'
import {
  ACE_STAGES,
  ACE_STATUSES,
  isOpenAceStage,
  normalizeAcceptance,
  normalizeAceStage,
  normalizeAceStatus,
  normalizeOpportunityType,
  normalizeOwnership,
} from './ace-picklists.ts'

describe('normalizeAceStage', () => {
  it('does accept every canonical stage as it is', () => {
    for (const stage of ACE_STAGES)
      expect(normalizeAceStage(stage)).toEqual({ value: stage, recognised: true })
  })

  it.each([
    ['closed lost', 'Closed Lost'],
    ['CLOSED_LOST', 'Closed Lost'],
    ['Closed-Lost', 'Closed Lost'],
    ['ClosedLost', 'Closed Lost'],
    ['  technical   validation ', 'Technical Validation'],
    ['TECHNICAL_VALIDATION', 'Technical Validation'],
    ['business-validation', 'Business Validation'],
    ['launched', 'Launched'],
    ['PROSPECT', 'Prospect'],
  ])('does read %j as %j', (raw, value) => {
    expect(normalizeAceStage(raw)).toEqual({ value, recognised: true })
  })

  it('does report unknown stages instead of dropping them silently', () => {
    expect(normalizeAceStage('Closed Won')).toEqual({ value: null, recognised: false })
    expect(normalizeAceStage('Negotiation')).toEqual({ value: null, recognised: false })
  })

  it('does treat blank as empty, not as unknown', () => {
    for (const raw of [null, undefined, '', '  ']) {
      expect(normalizeAceStage(raw)).toEqual({ value: null, recognised: true })
    }
  })
})

describe('normalizeAceStatus', () => {
  it('does accept every canonical status and its other spellings', () => {
    for (const status of ACE_STATUSES) expect(normalizeAceStatus(status).value).toBe(status)
    expect(normalizeAceStatus('IN_REVIEW')).toEqual({ value: 'In review', recognised: true })
    expect(normalizeAceStatus('In Review')).toEqual({ value: 'In review', recognised: true })
    expect(normalizeAceStatus('action-required')).toEqual({ value: 'Action Required', recognised: true })
    expect(normalizeAceStatus('Pending Submission')).toEqual({ value: 'Draft', recognised: true })
  })

  it('does report unknown statuses', () => {
    expect(normalizeAceStatus('Archived')).toEqual({ value: null, recognised: false })
  })
})

describe('normalizeOwnership', () => {
  it.each([
    ['Partner Referral', 'Partner Referral'],
    ['partner referral', 'Partner Referral'],
    ['PARTNER_REFERRAL', 'Partner Referral'],
    ['PartnerReferral', 'Partner Referral'],
    ['partner referred', 'Partner Referral'],
    ['AWS Referral', 'AWS Referral'],
    ['aws-referral', 'AWS Referral'],
    ['AWSReferral', 'AWS Referral'],
    ['AWS referred', 'AWS Referral'],
  ])('does read %j as %j', (raw, value) => {
    expect(normalizeOwnership(raw)).toEqual({ value, recognised: true })
  })

  it('does report other values, which must not pass the POD gate', () => {
    expect(normalizeOwnership('Partner')).toEqual({ value: null, recognised: false })
    expect(normalizeOwnership('Customer Referral')).toEqual({ value: null, recognised: false })
    expect(normalizeOwnership(null)).toEqual({ value: null, recognised: true })
  })
})

describe('normalizeOpportunityType', () => {
  it('does read the three types in any spelling and report others', () => {
    expect(normalizeOpportunityType('Net New Business')).toEqual({
      value: 'Net New Business',
      recognised: true,
    })
    expect(normalizeOpportunityType('NET_NEW_BUSINESS')).toEqual({
      value: 'Net New Business',
      recognised: true,
    })
    expect(normalizeOpportunityType('expansion')).toEqual({ value: 'Expansion', recognised: true })
    expect(normalizeOpportunityType('Flat-Renewal')).toEqual({ value: 'Flat Renewal', recognised: true })
    expect(normalizeOpportunityType('Renewal')).toEqual({ value: null, recognised: false })
  })
})

describe('normalizeAcceptance', () => {
  it('does read Accepted and Rejected and report others', () => {
    expect(normalizeAcceptance('accepted')).toEqual({ value: 'Accepted', recognised: true })
    expect(normalizeAcceptance('REJECTED')).toEqual({ value: 'Rejected', recognised: true })
    expect(normalizeAcceptance(null)).toEqual({ value: null, recognised: true })
    expect(normalizeAcceptance('Pending')).toEqual({ value: null, recognised: false })
  })
})

describe('isOpenAceStage', () => {
  it('does treat every stage before launch as open', () => {
    for (const stage of [
      'Prospect',
      'Qualified',
      'Technical Validation',
      'Business Validation',
      'Committed',
    ]) {
      expect(isOpenAceStage(stage)).toBe(true)
    }
  })

  it('does treat Launched and Closed Lost as closed, in any spelling', () => {
    expect(isOpenAceStage('Launched')).toBe(false)
    expect(isOpenAceStage('LAUNCHED')).toBe(false)
    expect(isOpenAceStage('Closed Lost')).toBe(false)
    expect(isOpenAceStage('closed_lost')).toBe(false)
  })

  it('does treat a blank or unknown stage as open, since nothing says it closed', () => {
    expect(isOpenAceStage(null)).toBe(true)
    expect(isOpenAceStage('Negotiation')).toBe(true)
  })
})
