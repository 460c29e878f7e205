/** A valid person row of Bergen (4601) as the register sends it, for the replica's apply and write tests. */
export function personData(id: string, lastName: string) {
  return {
    id,
    duf: '201212345603',
    dufCheckFailed: false,
    nationalId: null,
    regNumber: null,
    firstName: 'Åse',
    middleName: null,
    lastName,
    birthDate: '1990-01-02',
    sex: 'K' as const,
    closed: false,
    arrivalDate: null,
    followUpMunicipality: '4601',
    followUpDistrict: null,
    followUpByAgreement: false,
    receptionCentre: null,
  }
}
