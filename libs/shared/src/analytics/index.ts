export * from './reports';
export * from './activity';
