/** Masking rules shared by the mock backend and any export that must not carry clear personal data. */
export function maskPhone(phone: string): string {
  return phone.length >= 11 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : `${phone.slice(0, 2)}****`;
}
export function maskIdNumber(idNumber: string): string {
  return `${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}`;
}
export function maskBankAccount(account: string): string {
  return `${account.slice(0, 4)} **** **** ${account.slice(-4)}`;
}
